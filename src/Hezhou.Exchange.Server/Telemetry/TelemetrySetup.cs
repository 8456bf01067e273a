using Hezhou.Exchange.Domain.Identity;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hezhou.Exchange.Server.Telemetry;

/// <summary>The "Telemetry" configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The service.name resource attribute of every span, metric and log record exported.</summary>
    public string ServiceName { get; set; } = "hezhou-exchange";

    public PrometheusOptions Prometheus { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    public sealed class PrometheusOptions
    {
        /// <summary>Whether the scrape endpoint is served at all.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The scrape endpoint's path.</summary>
        public string Path { get; set; } = "/metrics";

        /// <summary>
        /// Serve the endpoint only to requests for these hosts (ASP.NET Core RequireHost patterns, e.g. "*:9464" for a
        /// port of its own that is added to the server's URLs); empty: on every endpoint the server listens on.
        /// </summary>
        public List<string> RequireHost { get; set; } = [];
    }

    public sealed class OtlpOptions
    {
        /// <summary>
        /// Where to export traces, metrics and logs by OTLP; empty: nowhere, unless the standard
        /// OTEL_EXPORTER_OTLP_ENDPOINT environment variable is set (then the standard OTEL_* variables apply).
        /// </summary>
        public string Endpoint { get; set; } = "";

        /// <summary>"grpc" (port 4317 by convention) or "http/protobuf" (4318; /v1/traces etc. are appended).</summary>
        public string Protocol { get; set; } = "grpc";
    }
}

/// <summary>
/// OpenTelemetry for the server: the exchange's own metrics (<see cref="ExchangeMetrics"/>), ASP.NET Core's request
/// metrics and, when OTLP is configured, traces and logs. Metrics are always served on the Prometheus scrape endpoint
/// (unless disabled) and exported by OTLP when configured.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The category of ASP.NET Core's "Request starting ... path" lines and per-request scope.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddExchangeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options);
        // ASP.NET Core's request log lines and its per-request log scope carry the request path, and REST paths name
        // citizens (/v1/persons/{citizen_id}). Off in code, so that no configuration turns them on: no log line, on
        // the console or by OTLP, holds a full citizen ID.
        services.Configure<LoggerFilterOptions>(logging => logging.AddFilter(RequestLogCategory, LogLevel.None));
        services.AddSingleton<DirtyQueueProbe>();
        services.AddSingleton<ExchangeMetrics>();

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ExchangeMetrics.MeterName).AddAspNetCoreInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        var endpoint = options.Otlp.Endpoint;
        var fromEnvironment = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            otel.WithTracing(tracing => tracing
                .AddSource(ExchangeMetrics.MeterName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // REST paths name citizens (/v1/persons/{citizen_id}); a trace never holds a full citizen ID.
                    aspNetCore.EnrichWithHttpRequest = (activity, request) =>
                        activity.SetTag("url.path", RedactPath(request.Path.Value));
                }));
            services.Configure<OpenTelemetryLoggerOptions>(logging =>
            {
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            });
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                otel.UseOtlpExporter(ParseProtocol(options.Otlp.Protocol), new Uri(endpoint));
            }
            else
            {
                otel.UseOtlpExporter();
            }
        }
        return services;
    }

    /// <summary>Serves the Prometheus scrape endpoint, if enabled, restricted to the configured hosts.</summary>
    public static void MapExchangeTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.Prometheus.Enabled)
        {
            return;
        }
        var endpoint = app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
        if (options.Prometheus.RequireHost.Count > 0)
        {
            endpoint.RequireHost([.. options.Prometheus.RequireHost]);
        }
    }

    /// <summary>A request path with every citizen ID in it masked, as it may go into a span.</summary>
    public static string? RedactPath(string? path) => path is null ? null : CitizenId.MaskAllIn(path);

    private static OtlpExportProtocol ParseProtocol(string protocol) => protocol.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "httpprotobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException(
            $"Telemetry:Otlp:Protocol is \"{protocol}\"; it must be \"grpc\" or \"http/protobuf\"."),
    };
}
