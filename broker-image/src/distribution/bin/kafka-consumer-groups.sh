#!/bin/sh
# Kafka's kafka-consumer-groups.sh, as a Kafka image has it. See kafka-run-tool.
exec "$(dirname "$0")/kafka-run-tool" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
