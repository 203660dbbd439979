// The prefetch hint is the inline function in include/CPrefetch.h; SwiftPM needs one source file per C target.
#include "CPrefetch.h"
