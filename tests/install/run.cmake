# Installs the built project into a temporary prefix, then builds tests/install/consumer.cc
# against it twice (find_package, pkg-config) and runs both on a sample contract.
# Variables: BUILD_DIR, SOURCE_DIR, WORK_DIR, CXX, CONSUMER_FLAGS (compiler and linker flags for
# the consumer: the sanitizer flags when the library was built with them; may be empty).
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# 1. find_package
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/install -B ${WORK_DIR}/cmake-build -G Ninja
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix} "-DCMAKE_CXX_FLAGS=${CONSUMER_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
run(${WORK_DIR}/cmake-build/consumer ${SOURCE_DIR}/corpus/security-addendum.md)
if(NOT LAST_OUTPUT MATCHES "\"category\":\"incident_notification\"")
  message(FATAL_ERROR "find_package consumer printed no incident_notification finding:\n${LAST_OUTPUT}")
endif()

# 2. pkg-config
file(GLOB pc_dirs ${prefix}/lib*/pkgconfig ${prefix}/lib/*/pkgconfig)
list(JOIN pc_dirs ":" pc_path)
set(ENV{PKG_CONFIG_PATH} "${pc_path}")
run(pkg-config --cflags --libs clausescan)
string(STRIP "${LAST_OUTPUT}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(consumer_flags UNIX_COMMAND "${CONSUMER_FLAGS}")
run(${CXX} -std=c++20 ${consumer_flags} ${SOURCE_DIR}/tests/install/consumer.cc
    -o ${WORK_DIR}/pc-consumer ${flags})
# A shared library in a private prefix is found through LD_LIBRARY_PATH (pkg-config adds no
# rpath); a static one ignores it.
list(GET pc_dirs 0 first_pc_dir)
get_filename_component(libdir ${first_pc_dir} DIRECTORY)
run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir} ${WORK_DIR}/pc-consumer
    ${SOURCE_DIR}/corpus/security-addendum.md)
if(NOT LAST_OUTPUT MATCHES "\"category\":\"incident_notification\"")
  message(FATAL_ERROR "pkg-config consumer printed no incident_notification finding:\n${LAST_OUTPUT}")
endif()

# 3. the build tree's own clausescan.pc, without installing
unset(ENV{PKG_CONFIG_PATH})
run(pkg-config --cflags --libs ${BUILD_DIR}/clausescan.pc)
string(STRIP "${LAST_OUTPUT}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} -std=c++20 ${consumer_flags} ${SOURCE_DIR}/tests/install/consumer.cc
    -o ${WORK_DIR}/build-tree-consumer ${flags})
run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${BUILD_DIR}/lib ${WORK_DIR}/build-tree-consumer
    ${SOURCE_DIR}/corpus/security-addendum.md)
if(NOT LAST_OUTPUT MATCHES "\"category\":\"incident_notification\"")
  message(FATAL_ERROR "build-tree pkg-config consumer printed no incident_notification finding:\n${LAST_OUTPUT}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
