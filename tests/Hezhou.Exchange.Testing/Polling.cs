namespace Hezhou.Exchange.Testing;

/// <summary>Waits, bounded, for something the server does in the background.</summary>
public static class Polling
{
    /// <summary>Asks <paramref name="condition"/> every 50 ms until it holds; fails with <paramref name="failure"/> after 30 s.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
