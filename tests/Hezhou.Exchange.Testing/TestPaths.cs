using Hezhou.Exchange.Storage;

namespace Hezhou.Exchange.Testing;

/// <summary>Fresh, disposable database files under the system's temporary folder.</summary>
public static class TestPaths
{
    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hezhou-exchange-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    /// <summary>Deletes a store's SQLite file and its access log's, with what SQLite keeps beside each.</summary>
    public static void DeleteDatabase(string path)
    {
        var files = new[] { path, Storage.AccessLogStore.PathFor(path) }
            .SelectMany(database => new[] { database, database + "-wal", database + "-shm", database + "-journal" });
        foreach (var file in files)
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
