/* xsaver: what the X server's screen saver is doing, for tests/integration/app_awake_x11.sh.
 * Prints one word from XScreenSaverQueryInfo (MIT-SCREEN-SAVER): "on" (the screen is
 * blanked), "off" (it is not, and would be after the timeout), "disabled" (no timeout).
 * With WAIT and SECONDS: polls until the state is WAIT, for at most SECONDS, and prints
 * it (exit 1 when it never came). Exit 2 without a display or the extension. */
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *state_of(Display *dpy, XScreenSaverInfo *info)
{
    XScreenSaverQueryInfo(dpy, DefaultRootWindow(dpy), info);
    switch (info->state) {
    case ScreenSaverOn: return "on";
    case ScreenSaverOff: return "off";
    default: return "disabled";
    }
}

int main(int argc, char **argv)
{
    Display *dpy = XOpenDisplay(NULL);
    int ev, err;
    if (!dpy || !XScreenSaverQueryExtension(dpy, &ev, &err)) {
        fprintf(stderr, "xsaver: no display or no MIT-SCREEN-SAVER\n");
        return 2;
    }
    XScreenSaverInfo *info = XScreenSaverAllocInfo();
    if (!info)
        return 2;
    const char *want = argc > 1 ? argv[1] : NULL;
    double seconds = argc > 2 ? atof(argv[2]) : 0.0;
    struct timespec step = {0, 50 * 1000 * 1000};
    const char *s = state_of(dpy, info);
    for (double waited = 0.0; want && strcmp(s, want) != 0 && waited < seconds; waited += 0.05) {
        nanosleep(&step, NULL);
        s = state_of(dpy, info);
    }
    printf("%s\n", s);
    int rc = want && strcmp(s, want) != 0 ? 1 : 0;
    XFree(info);
    XCloseDisplay(dpy);
    return rc;
}
