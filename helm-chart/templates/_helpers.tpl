{{/* The chart's name. */}}
{{- define "tributary.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's full name: the release name, with the chart's name unless it holds it. */}}
{{- define "tributary.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tributary.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tributary.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tributary.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "tributary.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: tributary
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "tributary.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tributary.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tributary.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
The operator's API calls in the namespaces it watches: what its informers list and watch, what
it creates, updates and deletes, and nothing else. e2e-tests check, after every IT class on the
sandbox, that these rules allow every call the operator made there.
*/}}
{{- define "tributary.rules" -}}
# KafkaClusters, KafkaTopics and KafkaUsers: watched; status written; finalizers (deletion
# policy) and a KafkaCluster's manual-roll and rebalance annotations patched; a cluster read
# before a roll step.
- apiGroups: ["kafka.tributary.io"]
  resources: ["kafkaclusters", "kafkatopics", "kafkausers"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["kafka.tributary.io"]
  resources: ["kafkaclusters/status", "kafkatopics/status", "kafkausers/status"]
  verbs: ["patch"]
# What a KafkaCluster or a KafkaUser owns carries ownerReferences with blockOwnerDeletion, which
# the API server allows only to who may update the owner's finalizers.
- apiGroups: ["kafka.tributary.io"]
  resources: ["kafkaclusters/finalizers", "kafkausers/finalizers"]
  verbs: ["update"]
# A cluster's node pools and their template, services, disruption budgets and identity: read from
# the informers' caches, created, and updated when what the operator desires changes.
- apiGroups: ["apps"]
  resources: ["statefulsets"]
  verbs: ["list", "watch", "create", "update"]
- apiGroups: [""]
  resources: ["services", "serviceaccounts"]
  verbs: ["list", "watch", "create", "update"]
# Secrets: the cluster's CAs and node certificates, the operator's own credentials, each user's
# credentials (written by the operator) and a user's referenced password (read).
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# ConfigMaps also hold a rebalance's plan, read while it runs and deleted when it is done.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["list", "watch", "create", "update"]
# Pods: watched for readiness; read and deleted one at a time by a rolling restart.
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch", "delete"]
# Events on the resources it manages; a repeat bumps the count of the existing one.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "get", "patch"]
{{- end -}}
