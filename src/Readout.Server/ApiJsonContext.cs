using System.Text.Json;
using System.Text.Json.Serialization;
using Readout.Export.Contract;
using Readout.Documents;
using Readout.Store;

namespace Readout.Server;

/// <summary>
/// The serialisation metadata of every body the API reads or writes, generated at build time: the natively compiled
/// CLI that serves the API has no reflection, and the server's JSON options resolve types here only, so a body
/// type missing from this list fails the server tests of every build rather than only the shipped binary.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Page<InteractionSummaryRecord>))]
[JsonSerializable(typeof(InteractionDetail))]
[JsonSerializable(typeof(IReadOnlyList<ActorMatch>))]
[JsonSerializable(typeof(ActorProfileAnswer))]
[JsonSerializable(typeof(DyadSummaryAnswer))]
[JsonSerializable(typeof(Page<SourceSummary>))]
[JsonSerializable(typeof(SourceText))]
[JsonSerializable(typeof(Page<TextHit>))]
[JsonSerializable(typeof(ReviewBody))]
[JsonSerializable(typeof(ReviewAnswer))]
[JsonSerializable(typeof(Page<ReviewQueueItem>))]
[JsonSerializable(typeof(IngestResult))]
[JsonSerializable(typeof(FeedList))]
[JsonSerializable(typeof(FetchEvidence))]
[JsonSerializable(typeof(ErrorBody))]
// the parameters' types, which the OpenAPI document describes through the same metadata
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int?))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
