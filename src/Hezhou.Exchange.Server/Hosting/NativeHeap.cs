using System.Runtime.InteropServices;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>
/// Keeps SQLite's native memory from spreading over many malloc arenas. glibc gives each thread that contends for the
/// heap an arena of its own, up to eight per core, and a page cache freed by one thread-pool thread is not reused by the
/// next writer on another: on the ten-times-the-city benchmark 18 arenas held 435 MB while the managed heap held 26 MB.
/// Two arenas keep the process within its memory budget at a cost the benchmark does not see.
/// </summary>
public static partial class NativeHeap
{
    private const int MallocArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h
    private const int Arenas = 2;

    /// <summary>Limits glibc's arenas; does nothing on other systems or C libraries, or when MALLOC_ARENA_MAX is set.</summary>
    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }
        try
        {
            Mallopt(MallocArenaMax, Arenas);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no arenas to limit).
        }
        catch (DllNotFoundException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
