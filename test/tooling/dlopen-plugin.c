/* A shared object built from a translated file and linked with this
 * build's libyieldc (the static archive, position-independent: no
 * "relocation R_X86_64_TPOFF32 ... recompile with -fPIC") is dlopen'ed by
 * a host that does not link libyieldc, and runs its generator and an
 * event loop.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %yieldc %S/Inputs/plugin/plugin.c -o %t/plugin.yc.c
 * RUN: %cc -fPIC -shared %t/plugin.yc.c -o %t/plugin.so -L%builddir/lib -l:libyieldc.a %sanflags
 * RUN: %cc %S/Inputs/plugin/host.c -o %t/host -ldl
 * RUN: %t/host %t/plugin.so | FileCheck %s
 * CHECK:      plugin: squares(4) sum 30, after a sleep 31
 * CHECK-NEXT: host: plugin_run(4) -> 31
 * CHECK-NEXT: plugin: squares(3) sum 14, after a sleep 15
 * CHECK-NEXT: host: plugin_run(3) -> 15
 * CHECK-NOT:  {{.}}
 *
 * The runtime is inside the plugin, not needed from outside.
 * RUN: objdump -p %t/plugin.so | FileCheck --check-prefix=NEEDED %s
 * NEEDED-NOT: libyieldc
 */
