// SPDX-License-Identifier: BSD-3-Clause
// Replays a fuzz corpus through LLVMFuzzerTestOneInput without libFuzzer, so the
// seeds (and every reproducer added to them) run as an ordinary ctest test with
// any compiler. Usage:
//   fuzz_chainvalidator_replay [DIR|FILE ...]   (default: the compiled-in corpus)
// Prints "N passed, M failed"; exits non-zero when anything failed or nothing ran.
// A crash or sanitizer report ends the process, which ctest counts as a failure.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#ifndef COPP_FUZZ_CORPUS_DIR
#define COPP_FUZZ_CORPUS_DIR ""
#endif

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::vector<fs::path> roots;
    for (int i = 1; i < argc; ++i)
        roots.emplace_back(argv[i]);
    if (roots.empty() && std::string(COPP_FUZZ_CORPUS_DIR).size() > 0)
        roots.emplace_back(COPP_FUZZ_CORPUS_DIR);
    if (roots.empty()) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR|FILE ...\n", argv[0]);
        return 2;
    }

    std::vector<fs::path> files;
    int failed = 0;
    for (const fs::path& root : roots) {
        std::error_code ec;
        if (fs::is_directory(root, ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            }
        } else if (fs::is_regular_file(root, ec)) {
            files.push_back(root);
        } else {
            std::fprintf(stderr, "FAIL %s: not a file or directory\n", root.string().c_str());
            ++failed;
        }
    }
    std::sort(files.begin(), files.end());

    int passed = 0;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "FAIL %s: cannot read\n", file.string().c_str());
            ++failed;
            continue;
        }
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::fprintf(stderr, "%s (%zu bytes)\n", file.string().c_str(), bytes.size());
        // Copy into an exactly-sized heap buffer so ASan sees reads past the end.
        std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
        std::uint8_t* data = exact.empty() ? nullptr : exact.data();
        if (LLVMFuzzerTestOneInput(data, exact.size()) != 0) {
            std::fprintf(stderr, "FAIL %s: LLVMFuzzerTestOneInput returned non-zero\n", file.string().c_str());
            ++failed;
        } else {
            ++passed;
        }
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    if (passed + failed == 0) {
        std::fprintf(stderr, "no corpus files found\n");
        return 1;
    }
    return failed == 0 ? 0 : 1;
}
