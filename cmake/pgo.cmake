# Profile-guided optimisation of the Release build (GCC), on by default.
#
# How: the build first builds an instrumented copy of the executable and its
# plugins in <build>/pgo/instrumented (an ExternalProject of this same source
# tree, without tests or benchmarks), runs it over the bundled résumés and
# the test documents (pgo-train.cmake), and then compiles every target of
# this build with -fprofile-use and the counts that run wrote to
# <build>/pgo/profile. The counts tell GCC which branches and loops are hot
# (the XML and ZIP readers, tokenising, matching), which it uses to lay out
# and inline the code; the program's behaviour does not change. A 2,000-file
# batch costs about 10 % less CPU this way (docs/benchmarks.md, section 1).
#
# Cost: the instrumented copy is compiled once more (about 1.5 minutes on
# two cores the first time). After that the step is a no-op while nothing
# changes: the training runs again only when a source of the programs, a role
# file or a training document changed. Objects of this build compile after
# the training, so they always see a profile of their own source.
#
# -fprofile-prefix-path makes each object's profile file name relative to
# its build folder, so the instrumented build and this one name them alike.
# Profiles that do not fit (a source changed between the two builds) are
# only warned about: they cost speed, never correctness.
#
# RA_PGO_GENERATE (set by this file for the instrumented build only):
# the folder the instrumented programs write their counts to.

set(RA_PGO_GENERATE "" CACHE PATH "Internal: build instrumented for PGO, writing counts here")
mark_as_advanced(RA_PGO_GENERATE)

set(ra_pgo_default OFF)
if(CMAKE_BUILD_TYPE STREQUAL "Release" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND
   CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12 AND NOT RA_SANITIZE AND NOT RA_FUZZ AND
   NOT RA_PGO_GENERATE)
  set(ra_pgo_default ON)
endif()
option(RA_PGO "Release build with GCC: optimise with a profile of a training run (cmake/pgo.cmake)"
       ${ra_pgo_default})

if(RA_PGO_GENERATE)
  add_compile_options(-fprofile-generate=${RA_PGO_GENERATE} -fprofile-update=prefer-atomic
                      -fprofile-prefix-path=${CMAKE_BINARY_DIR})
  add_link_options(-fprofile-generate=${RA_PGO_GENERATE})
elseif(RA_PGO)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 12)
    message(FATAL_ERROR "RA_PGO needs GCC 12 or later (-fprofile-prefix-path); configure with -DRA_PGO=OFF")
  endif()
  include(ExternalProject)
  set(ra_pgo_dir "${CMAKE_BINARY_DIR}/pgo")
  set(ra_pgo_instrumented "${ra_pgo_dir}/instrumented")
  ExternalProject_Add(ra_pgo_instrumented
    SOURCE_DIR "${CMAKE_SOURCE_DIR}"
    BINARY_DIR "${ra_pgo_instrumented}"
    PREFIX "${ra_pgo_dir}/ep"
    CMAKE_ARGS
      -DCMAKE_BUILD_TYPE=Release
      -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
      -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
      -DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}
      -DRA_PGO=OFF
      -DRA_PGO_GENERATE=${ra_pgo_dir}/counts
      -DRA_MIMALLOC=${RA_MIMALLOC}
      -DBUILD_TESTING=OFF
      -DRA_BUILD_BENCHMARKS=OFF
    BUILD_ALWAYS ON  # its own build decides what is out of date
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS "${ra_pgo_instrumented}/resume-analyser")
  # The training runs again when the instrumented programs may have changed
  # (any source of theirs, a role file) or its documents did.
  file(GLOB_RECURSE ra_pgo_inputs CONFIGURE_DEPENDS
       "${CMAKE_SOURCE_DIR}/core/*" "${CMAKE_SOURCE_DIR}/plugins/*" "${CMAKE_SOURCE_DIR}/cli/*"
       "${CMAKE_SOURCE_DIR}/keywords/*")
  file(GLOB ra_pgo_documents CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/samples/*"
       "${CMAKE_SOURCE_DIR}/tests/data/*/*")
  add_custom_command(
    OUTPUT "${ra_pgo_dir}/profile.stamp"
    COMMAND "${CMAKE_COMMAND}" -DEXE=${ra_pgo_instrumented}/resume-analyser
            -DCOUNTS=${ra_pgo_dir}/counts -DPROFILE=${ra_pgo_dir}/profile
            -DSOURCE=${CMAKE_SOURCE_DIR} -DSTAMP=${ra_pgo_dir}/profile.stamp
            -P "${CMAKE_CURRENT_LIST_DIR}/pgo-train.cmake"
    DEPENDS ra_pgo_instrumented "${ra_pgo_instrumented}/resume-analyser" ${ra_pgo_inputs} ${ra_pgo_documents}
            "${CMAKE_CURRENT_LIST_DIR}/pgo-train.cmake"
    COMMENT "PGO: training the instrumented build on samples/ and tests/data/"
    VERBATIM)
  add_custom_target(ra_pgo_training DEPENDS "${ra_pgo_dir}/profile.stamp")
  add_compile_options(-fprofile-use=${ra_pgo_dir}/profile -fprofile-partial-training
                      -fprofile-prefix-path=${CMAKE_BINARY_DIR}
                      -Wno-missing-profile -Wno-error=coverage-mismatch)
endif()

# Every target that compiles code below `dir` compiles after the training
# (call once, after the targets exist).
function(ra_pgo_order_after_training dir)
  if(NOT TARGET ra_pgo_training)
    return()
  endif()
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
      add_dependencies(${t} ra_pgo_training)
    endif()
  endforeach()
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    ra_pgo_order_after_training("${sub}")
  endforeach()
endfunction()
