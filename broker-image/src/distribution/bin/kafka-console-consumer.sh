#!/bin/sh
# Kafka's kafka-console-consumer.sh, as a Kafka image has it. See kafka-run-tool.
exec "$(dirname "$0")/kafka-run-tool" org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
