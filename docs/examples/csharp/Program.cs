using Grpc.Core;
using Grpc.Net.Client;
using Hezhou.Exchange.V1;

var address = args.Length > 0 ? args[0] : "http://127.0.0.1:5080";
using var channel = GrpcChannel.ForAddress(address);
var audit = new AuditService.AuditServiceClient(channel);
var headers = new Metadata { { "x-api-key", Environment.GetEnvironmentVariable("HEZHOU_API_KEY") ?? "" } };
var statistics = await audit.GetStatisticsAsync(
    new GetStatisticsRequest { AsOfDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 31 } },
    headers, deadline: DateTime.UtcNow.AddSeconds(30));
Console.WriteLine($"{statistics.RelocatedPersons} relocated, employment rate {statistics.EmploymentRate.Percent}%");
