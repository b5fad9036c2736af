/* ident: the rule for an exercise's id (ident.h). */
#include "ident.h"

#include <stddef.h>

bool ebb_id_valid(const char *id)
{
    size_t n = 0;
    if (!id || !*id || *id == '-')
        return false;
    for (; id[n]; n++) {
        char c = id[n];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') || n >= EBB_ID_MAX)
            return false;
    }
    return true;
}
