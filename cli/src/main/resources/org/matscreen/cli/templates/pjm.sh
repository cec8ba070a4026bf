#!/bin/bash
#PJM -N {{job_name}}
#PJM -L "node={{nodes}}"
#PJM -L "rscgrp={{partition}}"
#PJM -L "elapse={{time}}"
#PJM --mpi "max-proc-per-node=1"
{{?account}}#PJM -g {{account}}
{{?llio_volumes}}#PJM -x PJM_LLIO_GFSCACHE={{llio_volumes}}
#PJM -j
#PJM -S
# Rendered by matscreen {{version}} at {{rendered_at}} ({{mode}}).
{{?build_commit}}# Runs the build copied when it was submitted (commit {{build_commit}}), whatever the checkout holds by then.
{{?shards}}# A bulk job: submit with pjsub --bulk --sparam 0-{{last_shard}} (matscreen submit does); PJM_BULKNUM is the shard.
# Submitting this file again resumes the campaign: committed candidates are skipped.
# Exit code 5: stopped {{stop_before}} s before the elapse limit with candidates left; submit it again.
set -euo pipefail
# The elapse limit counts from about now; the deadline for new candidates is derived from both.
export MATSCREEN_JOB_START="$(date +%s)"
export MATSCREEN_TIME_LIMIT={{time_seconds}}
export MATSCREEN_NODES={{nodes}}
export MATSCREEN_HOME={{home}}
export MATSCREEN_JAR={{jar}}
export MATSCREEN_LIB={{lib}}
{{?build_commit}}export MATSCREEN_BUILD_COMMIT={{build_commit}}
{{?checkout}}export MATSCREEN_CHECKOUT={{checkout}}
export MATSCREEN_STOP_BEFORE={{stop_before}}
{{?shards}}export MATSCREEN_SHARDS={{shards}}
{{?setup}}export MATSCREEN_SETUP={{setup}}
exec bash "$MATSCREEN_HOME/slurm/{{runner}}" {{run_args}}
