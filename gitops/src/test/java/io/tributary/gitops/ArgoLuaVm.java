package io.tributary.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs a {@code health.lua} the way Argo CD does: the resource is the global {@code obj}, the
 * script's returned table gives {@code status} and {@code message}, and only the libraries Argo CD
 * opens by default are there (base, package and table; no {@code string}, {@code math}, {@code io}
 * or {@code os}), so a script that passes here also runs without {@code useOpenLibs}.
 */
final class ArgoLuaVm {
    static final Set<String> HEALTH_STATUSES =
            Set.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");

    /** Argo CD's answer when a script returns a status it does not know. */
    static final ArgoHealth INVALID =
            new ArgoHealth("Unknown", "Lua returned an invalid health status");

    private ArgoLuaVm() {}

    static ArgoHealth health(String script, JsonNode object) {
        LuaValue result = run(script, object);
        if (!result.istable()) {
            throw new IllegalStateException(
                    "expect table output from Lua script, not " + result.typename());
        }
        LuaValue status = result.get("status");
        LuaValue message = result.get("message");
        if (!status.isstring() || !HEALTH_STATUSES.contains(status.tojstring())) {
            return INVALID;
        }
        return new ArgoHealth(status.tojstring(), message.isnil() ? "" : message.checkjstring());
    }

    /** What the script returns, with {@code obj} bound to the object. */
    static LuaValue run(String script, JsonNode object) {
        Globals globals = new Globals();
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        LoadState.install(globals);
        LuaC.install(globals);
        globals.set("obj", toLua(object));
        return globals.load(script, "health.lua").call();
    }

    /**
     * A JSON value as Argo CD hands it to Lua: objects and arrays as tables, numbers as numbers.
     */
    static LuaValue toLua(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return LuaValue.NIL;
        } else if (value.isObject()) {
            LuaTable table = new LuaTable();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                table.set(field.getKey(), toLua(field.getValue()));
            }
            return table;
        } else if (value.isArray()) {
            LuaTable table = new LuaTable();
            int index = 1;
            for (JsonNode item : value) {
                table.set(index++, toLua(item));
            }
            return table;
        } else if (value.isNumber()) {
            return LuaValue.valueOf(value.asDouble());
        } else if (value.isBoolean()) {
            return LuaValue.valueOf(value.asBoolean());
        }
        return LuaValue.valueOf(value.asText());
    }
}
