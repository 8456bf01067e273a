namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>Fresh, disposable database files under the system's temporary folder.</summary>
public static class TestPaths
{
    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hezhou-exchange-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean up; it is under the temporary folder.
            }
        }
    }
}
