using System.Runtime.InteropServices;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Keeps SQLite's native memory from spreading over many malloc arenas. glibc gives each thread that contends for the
/// heap an arena of its own, up to eight per core, and a page cache freed by one thread-pool thread is not reused by the
/// next writer on another, so under a large ingest the arenas held many times what the managed heap did
/// (docs/BENCHMARKS.md, Memory). Two arenas, and the free pages given back after each large write, keep the process
/// within its memory budget at no cost the benchmark can see.
/// </summary>
public static partial class NativeHeap
{
    private const int MallocArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h
    private const int Arenas = 2;

    private static long lastRelease;
    private static bool trimAvailable = OperatingSystem.IsLinux();

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
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no arenas to limit).
        }
    }

    /// <summary>
    /// Gives the pages that malloc holds free back to the system, at most once a second: called after a write
    /// transaction has shrunk its connection's page cache, whose pages glibc would otherwise keep resident.
    /// </summary>
    public static void ReleaseFreePages()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastRelease);
        if (!trimAvailable || now - last < 1_000 || Interlocked.CompareExchange(ref lastRelease, now, last) != last)
        {
            return;
        }
        try
        {
            MallocTrim(0);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            trimAvailable = false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
