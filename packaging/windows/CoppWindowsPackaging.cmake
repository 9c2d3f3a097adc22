# SPDX-License-Identifier: BSD-3-Clause
# The Windows installer of the full application (coppscope.exe, coppscope-cli.exe
# and coppscope-agent.exe) with CPack: NSIS (default) or WiX. Windows builds
# only: windeployqt, makensis and the WiX tools are Windows programs, so this
# was configure-checked with mingw-w64 on Linux (see docs/notes/windows.md) but
# never run there.
#
# packaging/CMakeLists.txt includes it on WIN32 in place of the Linux layout:
#     if(WIN32)
#         include(windows/CoppWindowsPackaging.cmake)
#         return()
#     endif()
#
# Then, in the build folder of a Windows Release build:
#     cmake --build . --config Release
#     cpack -G NSIS      (or: cpack -G WIX)
#
# What ends up in bin/ next to the three programs:
# - Qt: windeployqt's selection for coppscope.exe (Qt DLLs, platforms/qwindows.dll,
#   styles, imageformats incl. svg, the Qt translations), run at install time;
# - every other non-system DLL the programs load (Crypto++, OpenSSL's libcrypto and
#   expat from vcpkg, the compiler runtime of a MinGW build), found with
#   file(GET_RUNTIME_DEPENDENCIES) in the folders of CMAKE_PREFIX_PATH.

set(COPP_WINDOWS_INSTALLER "NSIS" CACHE STRING "CPack generator for the Windows installer: NSIS or WIX")
set_property(CACHE COPP_WINDOWS_INSTALLER PROPERTY STRINGS NSIS WIX)

# --- windeployqt ---------------------------------------------------------------
# Qt >= 6.3 writes the deploy script itself (it runs windeployqt on the installed
# program); older Qt: call windeployqt directly.
if(COMMAND qt_generate_deploy_app_script)
    qt_generate_deploy_app_script(TARGET coppscope OUTPUT_SCRIPT COPP_QT_DEPLOY_SCRIPT NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${COPP_QT_DEPLOY_SCRIPT}")
else()
    find_program(COPP_WINDEPLOYQT NAMES windeployqt windeployqt6 HINTS "${QT6_INSTALL_PREFIX}/bin" "${Qt6_DIR}/../../../bin")
    if(NOT COPP_WINDEPLOYQT)
        message(WARNING "windeployqt not found: the installer will lack the Qt DLLs")
    else()
        install(CODE "
            execute_process(COMMAND \"${COPP_WINDEPLOYQT}\" --release --no-compiler-runtime
                                    --dir \"\${CMAKE_INSTALL_PREFIX}/bin\"
                                    \"\${CMAKE_INSTALL_PREFIX}/bin/$<TARGET_FILE_NAME:coppscope>\"
                            RESULT_VARIABLE copp_deploy_result)
            if(NOT copp_deploy_result EQUAL 0)
                message(FATAL_ERROR \"windeployqt failed: \${copp_deploy_result}\")
            endif()")
    endif()
endif()

# --- the other runtime DLLs (Crypto++, OpenSSL, expat, compiler runtime) ----------------
set(COPP_RUNTIME_DIRS "")
foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND COPP_RUNTIME_DIRS "${prefix}/bin" "${prefix}/debug/bin")
endforeach()
if(MINGW)
    get_filename_component(COPP_COMPILER_BIN "${CMAKE_CXX_COMPILER}" DIRECTORY)
    list(APPEND COPP_RUNTIME_DIRS "${COPP_COMPILER_BIN}")
endif()
set(COPP_RUNTIME_DEPS_SETUP "")
if(CMAKE_CROSSCOMPILING) # MinGW on Linux: tell CMake how to read PE imports there
    set(COPP_RUNTIME_DEPS_SETUP "
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_PLATFORM windows+pe)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL objdump)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND \"${CMAKE_OBJDUMP}\")")
endif()
install(CODE "${COPP_RUNTIME_DEPS_SETUP}
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES \"$<TARGET_FILE:coppscope>\" \"$<TARGET_FILE:coppscope-cli>\"
        RESOLVED_DEPENDENCIES_VAR copp_resolved
        UNRESOLVED_DEPENDENCIES_VAR copp_unresolved
        DIRECTORIES ${COPP_RUNTIME_DIRS}
        PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\" \"^[Qq]t6\"
        POST_EXCLUDE_REGEXES \"[Ss][Yy][Ss][Tt][Ee][Mm]32\" \"[Ss][Yy][Ss][Ww][Oo][Ww]64\")
    foreach(dll IN LISTS copp_resolved)
        file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/bin\" TYPE SHARED_LIBRARY FILES \"\${dll}\")
    endforeach()
    foreach(dll IN LISTS copp_unresolved)
        message(STATUS \"runtime dependency not found (a system DLL?): \${dll}\")
    endforeach()")

install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION .)

# --- CPack ------------------------------------------------------------------------
set(CPACK_GENERATOR "${COPP_WINDOWS_INSTALLER}")
set(CPACK_PACKAGE_NAME "CoppScope")
set(CPACK_PACKAGE_VENDOR "CoppScope")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE") # shown by the NSIS/WiX installer
set(CPACK_PACKAGE_CONTACT "CoppScope developers <coppscope@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspect COPP certificate chains and output-protection sessions")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "CoppScope")
set(CPACK_PACKAGE_EXECUTABLES "coppscope" "CoppScope") # Start menu entry
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES OFF) # MSVC builds have no strip; MinGW's are stripped by the build type

# NSIS: bin/ on PATH (coppscope-cli, coppscope-agent from any console), a
# previous version is uninstalled first.
set(CPACK_NSIS_DISPLAY_NAME "CoppScope ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "CoppScope")
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\coppscope.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")

# WiX: a fixed upgrade code (never change it: it links versions for upgrades).
set(CPACK_WIX_UPGRADE_GUID "6C3F2A8E-5B1D-4E7A-9C0F-2D4B8E1A7F35")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "CoppScope")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")

include(CPack)
