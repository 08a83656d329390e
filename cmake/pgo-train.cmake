# The PGO training run (cmake/pgo.cmake): cmake -DEXE=... -DCOUNTS=...
# -DPROFILE=... -DSOURCE=... -DSTAMP=... -P pgo-train.cmake
#
# Runs the instrumented executable, as users do, over the bundled sample
# résumés (every format) and the test documents, hostile ones included
# (which fail, as they should: exit status 2 is expected). The counts it
# writes replace PROFILE whole, so the compiler never reads a half-written
# profile. Fails when the program crashes or writes no counts.
file(REMOVE_RECURSE "${COUNTS}")
set(inputs "${SOURCE}/samples")
foreach(kind docx html odt pdf text)
  list(APPEND inputs "${SOURCE}/tests/data/${kind}")
endforeach()
execute_process(
  COMMAND "${EXE}" batch ${inputs} --format jsonl -j 1 --no-progress --as-of 2026-01
  OUTPUT_QUIET ERROR_VARIABLE summary RESULT_VARIABLE rc)
if(NOT rc MATCHES "^[012]$")
  message(FATAL_ERROR "PGO training run failed (${rc}): ${summary}")
endif()
execute_process(
  COMMAND "${EXE}" score "${SOURCE}/samples/strong-ml-engineer.docx" --role ml-engineer --format json
  OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc MATCHES "^[01]$")
  message(FATAL_ERROR "PGO training run of score failed (${rc})")
endif()
file(GLOB counts "${COUNTS}/*.gcda")
if(NOT counts)
  message(FATAL_ERROR "PGO training wrote no counts to ${COUNTS}")
endif()
file(REMOVE_RECURSE "${PROFILE}")
file(RENAME "${COUNTS}" "${PROFILE}")
file(TOUCH "${STAMP}")
