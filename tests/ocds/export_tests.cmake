# Per-bid log and OCDS export tests (included from tests/CMakeLists.txt). Label: ocds.
find_package(nlohmann_json 3 REQUIRED)
find_package(ZLIB REQUIRED)
add_executable(test_ocds_export
  ${CMAKE_CURRENT_LIST_DIR}/test_export_bid_log.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_export_ocds.cpp
)
target_link_libraries(test_ocds_export PRIVATE tendersim::ocds_export tendersim::doctest_main
                      nlohmann_json::nlohmann_json ZLIB::ZLIB tendersim::warnings)
target_include_directories(test_ocds_export PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_definitions(test_ocds_export PRIVATE TENDERSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
tendersim_discover_tests(test_ocds_export PROPERTIES LABELS ocds)

# A 3-year baseline run with every log and the export, shared by the checks below.
set(OCDS_RUN ${CMAKE_CURRENT_BINARY_DIR}/ocds_export_run)
add_test(NAME ocds_export_run
         COMMAND $<TARGET_FILE:tendersim> run
                 ${PROJECT_SOURCE_DIR}/scenarios/baseline.toml --years 3 --tender-log --bid-log
                 --ocds --quiet --threads 2 --out ${OCDS_RUN})
set_tests_properties(ocds_export_run PROPERTIES FIXTURES_SETUP ocds_export LABELS ocds)
# Every line against the OCDS 1.1.5 package schema with the bids extension, and closed codelists.
add_test(NAME ocds_export_schema
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/export_validate.py
                 ${PROJECT_SOURCE_DIR}/third_party/ocds-schema ${OCDS_RUN}/baseline/ocds.jsonl)
set_tests_properties(ocds_export_schema PROPERTIES FIXTURES_REQUIRED ocds_export LABELS ocds
                     PASS_REGULAR_EXPRESSION " 0 invalid")
# The validator can fail: a bid status outside the closed codelist, a wrong type, a bad date.
add_test(NAME ocds_export_schema_rejects
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/export_schema_rejects.sh
                 ${CMAKE_CURRENT_LIST_DIR}/export_validate.py
                 ${PROJECT_SOURCE_DIR}/third_party/ocds-schema ${OCDS_RUN}/baseline/ocds.jsonl
                 ${CMAKE_CURRENT_BINARY_DIR}/ocds_export_rejects)
set_tests_properties(ocds_export_schema_rejects PROPERTIES FIXTURES_REQUIRED ocds_export
                     LABELS ocds)
# Counts per year against tenders.csv and bids.csv of the same run.
add_test(NAME ocds_export_counts
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/export_counts.py ${OCDS_RUN}/baseline)
set_tests_properties(ocds_export_counts PROPERTIES FIXTURES_REQUIRED ocds_export LABELS ocds)
# The gzip export holds the same bytes as the plain one (written at another thread count).
add_test(NAME ocds_export_gzip
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/export_gzip.sh $<TARGET_FILE:tendersim>
                 ${PROJECT_SOURCE_DIR} ${OCDS_RUN}/baseline/ocds.jsonl
                 ${CMAKE_CURRENT_BINARY_DIR}/ocds_export_gzip)
set_tests_properties(ocds_export_gzip PROPERTIES FIXTURES_REQUIRED ocds_export LABELS ocds)
# --result-line writes no files: an export asked for with it is refused, not silently dropped.
add_test(NAME ocds_export_result_line_refused
         COMMAND $<TARGET_FILE:tendersim> run ${PROJECT_SOURCE_DIR}/tests/golden/golden.toml
                 --result-line csv --ocds)
set_tests_properties(ocds_export_result_line_refused PROPERTIES LABELS ocds WILL_FAIL TRUE)
add_test(NAME ocds_export_result_line_refused_message
         COMMAND $<TARGET_FILE:tendersim> run ${PROJECT_SOURCE_DIR}/tests/golden/golden.toml
                 --result-line csv --bid-log)
set_tests_properties(ocds_export_result_line_refused_message PROPERTIES LABELS ocds
                     PASS_REGULAR_EXPRESSION "--result-line writes no files")
# Every policy lever on (lots, SME reservation, outcome specifications, partnerships' joint
# tenders...; scenarios/combined.toml, to its year-5 adoption): still valid, counts agree.
set(OCDS_LEVERS_RUN ${CMAKE_CURRENT_BINARY_DIR}/ocds_export_levers)
add_test(NAME ocds_export_levers_run
         COMMAND $<TARGET_FILE:tendersim> run ${PROJECT_SOURCE_DIR}/scenarios/combined.toml --years 5
                 --tender-log --bid-log --ocds --quiet --threads 2 --out ${OCDS_LEVERS_RUN})
set_tests_properties(ocds_export_levers_run PROPERTIES FIXTURES_SETUP ocds_export_levers
                     LABELS ocds)
add_test(NAME ocds_export_levers_schema
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/export_validate.py
                 ${PROJECT_SOURCE_DIR}/third_party/ocds-schema ${OCDS_LEVERS_RUN}/combined/ocds.jsonl)
set_tests_properties(ocds_export_levers_schema PROPERTIES FIXTURES_REQUIRED ocds_export_levers
                     LABELS ocds PASS_REGULAR_EXPRESSION " 0 invalid")
add_test(NAME ocds_export_levers_counts
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/export_counts.py
                 ${OCDS_LEVERS_RUN}/combined)
set_tests_properties(ocds_export_levers_counts PROPERTIES FIXTURES_REQUIRED ocds_export_levers
                     LABELS ocds)
# The counts check can fail: a dropped release, a miscounted SME bid, an orphan termination.
add_test(NAME ocds_export_counts_rejects
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/export_counts_rejects.sh
                 ${CMAKE_CURRENT_LIST_DIR}/export_counts.py ${OCDS_RUN}/baseline
                 ${CMAKE_CURRENT_BINARY_DIR}/ocds_export_counts_rejects)
set_tests_properties(ocds_export_counts_rejects PROPERTIES FIXTURES_REQUIRED ocds_export
                     LABELS ocds)
# Export, then import: the importer reads the export whole and maps it back to the categories.
add_test(NAME ocds_export_roundtrip
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/export_roundtrip.sh $<TARGET_FILE:tendersim>
                 ${PROJECT_SOURCE_DIR} ${OCDS_RUN}/baseline/ocds.jsonl
                 ${CMAKE_CURRENT_BINARY_DIR}/ocds_export_roundtrip)
set_tests_properties(ocds_export_roundtrip PROPERTIES FIXTURES_REQUIRED ocds_export LABELS ocds)
