# Runs one example program and compares its standard output with the
# expected file; prints both on a mismatch.
execute_process(COMMAND ${PROGRAM} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE actual ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}\n${err}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM}: output differs\n--- expected\n${expected}--- actual\n${actual}")
endif()
