# cgs_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>])
# One GoogleTest executable per test file; registered with ctest under <name>.
function(cgs_add_test name)
    cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "CGS_SOURCE_DIR=${PROJECT_SOURCE_DIR};CGS_BINARY_DIR=${PROJECT_BINARY_DIR};OMP_NUM_THREADS=1;OMP_WAIT_POLICY=PASSIVE"
        TIMEOUT 900)
    if(T_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()

# Torch units share one precompiled header (torch is the expensive part of every compile).
function(cgs_use_torch_pch target)
    if(CGS_USE_PCH)
        if(TARGET cgs_torch_pch)
            target_precompile_headers(${target} REUSE_FROM cgs_torch_pch)
        endif()
    endif()
endfunction()
