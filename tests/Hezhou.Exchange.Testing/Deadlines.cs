using Grpc.Core;

namespace Hezhou.Exchange.Testing;

/// <summary>Every call a test makes has a deadline, so a hung server fails the test instead of the run.</summary>
public static class Deadlines
{
    public static DateTime Short => DateTime.UtcNow.AddSeconds(30);

    public static DateTime Long => DateTime.UtcNow.AddMinutes(5);

    public static CallOptions Call => new(deadline: Short);
}
