# Dependencies come from Debian 12 packages (scripts/install-deps.sh installs them).
find_package(GDAL CONFIG)
if(NOT GDAL_FOUND)
  find_package(GDAL REQUIRED)
endif()
find_package(GEOS REQUIRED CONFIG)
find_package(PROJ REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
# SHA-256 for the salted hashes of national IDs and house IDs (core/stats/registry_hash).
find_package(OpenSSL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SPATIALITE REQUIRED IMPORTED_TARGET spatialite)

find_package(OpenGL REQUIRED COMPONENTS OpenGL EGL)
find_package(Freetype REQUIRED)

if(CHIPAO_BUILD_APP)
  find_package(glfw3 REQUIRED)
  # Debian's libimgui-dev ships only a static archive and an imgui.pc that omits what the
  # archive needs (stb, FreeType, GLFW, dl); this target states those links once.
  find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
  find_library(IMGUI_LIBRARY NAMES libimgui.a imgui REQUIRED)
  add_library(imgui::imgui STATIC IMPORTED GLOBAL)
  set_target_properties(imgui::imgui PROPERTIES
    IMPORTED_LOCATION "${IMGUI_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${IMGUI_INCLUDE_DIR};${IMGUI_INCLUDE_DIR}/backends")
  # libimgui.a calls stb_truetype and stb_rect_pack, which Debian compiles into libstb.
  find_library(IMGUI_STB_LIBRARY NAMES stb REQUIRED)
  target_link_libraries(imgui::imgui INTERFACE glfw Freetype::Freetype OpenGL::OpenGL
                        ${IMGUI_STB_LIBRARY} ${CMAKE_DL_LIBS})
endif()

if(CHIPAO_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
