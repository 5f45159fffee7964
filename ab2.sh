#!/bin/bash
# usage: ab2.sh url-path rounds dur  — alternates nginx (18091) and clipdesk (18090)
f=$1; n=${2:-3}; d=${3:-5}
for i in $(seq $n); do
  for p in 18091 18090; do
    r=$(wrk -t2 -c64 -d${d}s --latency http://127.0.0.1:$p$f | awk '/Requests\/sec/{rps=$2} /^ +99%/{p99=$2} /Non-2xx/{err=$NF} END{print rps, p99, err}')
    echo "$p $r"
  done
done
