using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Readout.Pipeline;

/// <summary>How long the pipeline may work on one document at an entry point (<see cref="Timeout.InfiniteTimeSpan"/>: no budget).</summary>
public sealed record IngestOptions(TimeSpan DocumentBudget);

/// <summary>Registers the pipeline and the ingest service that the CLI, the worker, the feed watcher and the server share.</summary>
public static class ReadoutServices
{
    /// <summary>
    /// The shipped <see cref="ReadoutPipeline"/>, the default <see cref="ErrorLog"/>, a <see cref="DocumentRunner"/> with
    /// <paramref name="documentBudget"/> and the <see cref="IngestService"/>, all singletons. A service registered
    /// before (another pipeline, another error log) is kept.
    /// </summary>
    public static IServiceCollection AddReadout(this IServiceCollection services, TimeSpan documentBudget)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => ReadoutPipeline.CreateDefault());
        services.TryAddSingleton(_ => ErrorLog.Default());
        services.TryAddSingleton(new IngestOptions(documentBudget));
        services.TryAddSingleton(p => new DocumentRunner(p.GetRequiredService<ReadoutPipeline>(), p.GetRequiredService<IngestOptions>().DocumentBudget, p.GetRequiredService<ErrorLog>()));
        services.TryAddSingleton<IngestService>();
        return services;
    }
}
