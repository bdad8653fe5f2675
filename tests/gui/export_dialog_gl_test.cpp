// The export dialog drawn (app/export_dialog.h), under Xvfb with ImGui's OpenGL 3 backend and
// no GLFW input: frames run until the worker's sheet preview arrives, is uploaded as a texture
// and drawn; the frames never wait for it. Its export is checked in export_dialog_test.cpp.
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/export_dialog.h"
#include "gl_test_context.h"
#include "support/test_paths.h"

namespace chipao::app {
namespace {

TEST(ExportDialogGl, DrawsThePreviewOnceTheWorkerHasIt) {
  const std::string dir = test::temp_dir("export_dialog_gl");
  const std::string project = dir + "/demo.chipao";
  const std::string demo = test::source_dir() + "/data/demo/";
  const auto made = test::run_cli({"project", "new", project, "--boundaries", demo + "tambon.shp",
                                   "--table", demo + "tpmap/61_99_tambol_11111.csv"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ASSERT_EQ(
      test::run_cli({"zones", "paint", project, "--zone", "เขต", "--units", "990102"}).exit_code,
      0);

  std::string error;
  auto context = test::GlTestContext::create(error);
  ASSERT_NE(context, nullptr) << error;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1200, 900);
  ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  {
    auto session = ProjectSession::open(project, {});
    ASSERT_TRUE(session) << session.error().message;
    ExportDialog dialog;
    ExportChoices choices;
    choices.sheet = SheetFormat::pdf;
    choices.folder = dir + "/out";
    dialog.preset(choices);
    dialog.open();
    EXPECT_TRUE(dialog.is_open());
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    int frames = 0;
    while (dialog.preview_size().first == 0 && std::chrono::steady_clock::now() < give_up) {
      const auto start = std::chrono::steady_clock::now();
      io.DeltaTime = 1.0f / 60;
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      dialog.draw(**session, frames % 2 ? Language::thai : Language::english, 1.0f);
      ImGui::Render();
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1))
          << "a frame waited for the worker";
      ++frames;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(dialog.preview_size(), std::make_pair(827, 1170));
    EXPECT_GT(frames, 1) << "the preview is drawn off the UI thread";
    // A frame with the texture in it.
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    dialog.draw(**session, Language::thai, 1.0f);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }  // the dialog's texture goes while the context is current
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

}  // namespace
}  // namespace chipao::app
