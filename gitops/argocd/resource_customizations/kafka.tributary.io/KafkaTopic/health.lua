-- Health of a Tributary resource (kafka.tributary.io): KafkaCluster, KafkaTopic and KafkaUser
-- share this script. It reads the kstatus conditions (Ready, Reconciling, Stalled), and trusts a
-- condition only when it speaks for the current generation: Ready=True left over from an older
-- spec is not Healthy.
local hs = {}

if obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "Pending deletion"
  if obj.metadata.finalizers ~= nil and #obj.metadata.finalizers > 0 then
    hs.message = hs.message .. "; blocked by finalizers: " .. table.concat(obj.metadata.finalizers, ", ")
  end
  return hs
end

local generation = obj.metadata.generation
local conditions = {}
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    conditions[condition.type] = condition
  end
end

local function isTrue(condition)
  return condition ~= nil and condition.status == "True"
end

local function isCurrent(condition)
  return condition ~= nil and condition.observedGeneration == generation
end

-- "Reason: message", or whichever of the two the condition has.
local function describe(condition)
  if condition.reason ~= nil and condition.message ~= nil then
    return condition.reason .. ": " .. condition.message
  end
  return condition.reason or condition.message or ""
end

local paused = conditions["ReconciliationPaused"]
local stalled = conditions["Stalled"]
local ready = conditions["Ready"]

if isTrue(paused) then
  hs.status = "Suspended"
  hs.message = describe(paused)
  return hs
end

if isTrue(stalled) and isCurrent(stalled) then
  hs.status = "Degraded"
  hs.message = describe(stalled)
  return hs
end

if isTrue(ready) and isCurrent(ready) and obj.status.observedGeneration == generation then
  hs.status = "Healthy"
  hs.message = ready.message or ""
  return hs
end

hs.status = "Progressing"
if ready == nil then
  hs.message = "Waiting for the operator to report on generation " .. tostring(generation)
elseif not isCurrent(ready) then
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(generation)
    .. " (the status describes generation " .. tostring(ready.observedGeneration) .. ")"
elseif isTrue(ready) then
  hs.message = "Waiting for generation " .. tostring(generation)
    .. " to converge (status.observedGeneration is " .. tostring(obj.status.observedGeneration) .. ")"
else
  hs.message = describe(ready)
end
return hs
