/* ccache in both orders hits on an unchanged rebuild, for every file: the
 * translation's name and text are the same from build to build, and what
 * the compiler writes names the source.
 *
 * REQUIRES: ccache
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: cp %S/Inputs/launcher-ccache/*.c %S/Inputs/launcher-ccache/*.h %t/
 * RUN: touch %t/ccache.conf
 * RUN: export CCACHE_DIR=%t/cache CCACHE_CONFIGPATH=%t/ccache.conf CCACHE_NODISABLE=1
 *
 * ccache in front: `ccache yieldc cc COMPILER`.  ccache hashes yieldc's
 * preprocessed output, then (direct mode) the files it names.  The
 * compiler goes by its name: ccache takes an existing file's path among
 * its compiler's arguments for a second source file, and does not cache.
 * RUN: %S/Inputs/launcher-ccache/build.sh %t %t/a ccache %yieldc cc $(basename %compiler) %sanflags
 * RUN: %t/a/prog | FileCheck --check-prefix=OUT %s
 * RUN: ccache -z > /dev/null && rm -rf %t/a
 * RUN: %S/Inputs/launcher-ccache/build.sh %t %t/a ccache %yieldc cc $(basename %compiler) %sanflags
 * RUN: ccache --print-stats > %t/a.stats
 * RUN: FileCheck --check-prefix=HITS %s < %t/a.stats
 * RUN: %t/a/prog | FileCheck --check-prefix=OUT %s
 * RUN: FileCheck --check-prefix=DEPS %s < %t/a/gen.d
 *
 * ccache behind: `yieldc cc ccache COMPILER`.
 * RUN: ccache -C -z > /dev/null
 * RUN: %S/Inputs/launcher-ccache/build.sh %t %t/b %yieldc cc ccache %compiler %sanflags
 * RUN: ccache -z > /dev/null && rm -rf %t/b/*.o %t/b/prog
 * RUN: %S/Inputs/launcher-ccache/build.sh %t %t/b %yieldc cc ccache %compiler %sanflags
 * RUN: ccache --print-stats > %t/b.stats
 * RUN: FileCheck --check-prefix=HITS %s < %t/b.stats
 * RUN: %t/b/prog | FileCheck --check-prefix=OUT %s
 * RUN: FileCheck --check-prefix=DEPS %s < %t/b/gen.d
 *
 * OUT: sum 30, twice 60
 * HITS-DAG: {{^}}cache_miss{{[[:space:]]+}}0{{$}}
 * HITS-DAG: {{^}}direct_cache_hit{{[[:space:]]+}}3{{$}}
 * DEPS: gen.o:
 * DEPS: /gen.c
 * DEPS: /gen.h
 * DEPS-NOT: .yc.
 */
