/*
 * Preloaded after the ASan runtime into an uninstrumented postgres by
 * test/asan_server. A preloaded runtime initializes itself on the first
 * malloc, and its initialization calls dlerror(), which takes glibc's
 * gettext lock. The first malloc in postgres comes from libgpg-error's
 * constructor inside bindtextdomain(), which holds that lock for writing:
 * the process hangs. So bindtextdomain() allocates once before taking the
 * lock, and ASan is up by then.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

char	   *bindtextdomain(const char *domain, const char *dir);

char *
bindtextdomain(const char *domain, const char *dir)
{
	static char *(*real) (const char *, const char *);
	void	   *volatile p = malloc(1);

	free(p);
	if (real == NULL)
		real = (char *(*) (const char *, const char *)) dlsym(RTLD_NEXT, "bindtextdomain");
	return real(domain, dir);
}
