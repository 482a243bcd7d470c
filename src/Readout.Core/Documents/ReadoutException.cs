namespace Readout.Documents;

/// <summary>
/// An error Readout reports to its user. Every error carries a stable number (RO####) so it can be
/// looked up in the README, and names the document it concerns.
/// </summary>
public sealed class ReadoutException(string code, string document, string message, Exception? inner = null)
    : Exception($"{code} {document}: {message}", inner)
{
    public string Code { get; } = code;
    public string Document { get; } = document;
    /// <summary>What happened and what to do, without the code and document.</summary>
    public string Detail { get; } = message;

    /// <summary>The same error naming another document (a record's origin, <c>file#L12</c>, rather than its url).</summary>
    public ReadoutException For(string otherDocument) =>
        otherDocument == Document ? this : new ReadoutException(Code, otherDocument, Detail, InnerException);
}

/// <summary>The numbered error codes. Each has a line in the README's "Errors" section.</summary>
public static class ErrorCodes
{
    public const string BadPipeline = "RO0004";     // pipeline steps that cannot run in the order given (a layer required before it is produced)
    public const string Unreadable = "RO1001";      // the path cannot be opened or read
    public const string Empty = "RO1002";           // nothing but whitespace
    public const string Binary = "RO1003";          // NUL bytes or other signs of a binary file
    public const string InvalidUtf8 = "RO1004";     // bytes that are not UTF-8
    public const string TooLarge = "RO1005";        // over the size limit
    public const string BadJson = "RO1006";         // .json/.jsonl that cannot be parsed or lacks text/html
    public const string NoText = "RO1007";          // HTML or markup from which no text could be read
    public const string Unsupported = "RO1008";     // file type Readout does not read
    public const string NotFound = "RO1009";        // path does not exist
    public const string TooSlow = "RO1010";         // the document ran past its time budget (or a pattern's time limit)
    public const string BadGzip = "RO1011";         // a .gz input that is truncated or not gzip
    public const string FetchTimeout = "RO1101";    // a web server did not answer (or finish answering) in time
    public const string HttpClientError = "RO1102"; // a web server answered 4xx (not found, forbidden, gone...)
    public const string HttpServerError = "RO1103"; // a web server answered 5xx (or 429) after the retries
    public const string Unreachable = "RO1104";     // no connection: unknown host, refused, TLS failure
    public const string BadRedirect = "RO1105";     // too many redirects, a loop, or a redirect without a usable Location
    public const string NotText = "RO1106";         // the response is not a page or text (image, PDF, archive...)
    public const string UnknownCharset = "RO1107";  // the response declares a character set Readout cannot decode
    public const string BadFeed = "RO1108";         // a feed that is not RSS 2.0 or Atom 1.0 XML
    public const string BadFeedList = "RO1109";     // a line of a feed list file that is not "URL [interval]"
    public const string Store = "RO2001";           // the database could not be written
    public const string NoDatabase = "RO2002";      // the database file does not exist (read commands)
    public const string NotReadout = "RO2003";      // the file is not a Readout database of this version (read commands)
    public const string NoSuchId = "RO3001";        // no interaction with this id
    public const string AmbiguousId = "RO3002";     // the id prefix matches several interactions
    public const string CannotWrite = "RO3003";     // the output file cannot be written
    public const string ReviewRefused = "RO3004";   // a review that does not fit the record (field, value, state, sources)
    public const string BadRequest = "RO4001";      // server: a query parameter or route value is not valid
    public const string Unauthorized = "RO4002";    // server: POST /api/ingest without the right API key
    public const string IngestDisabled = "RO4003";  // server: ingest over HTTP is off (no --api-key given)
    public const string NoSuchResource = "RO4004"; // server: no such interaction, actor, source or route
    public const string AmbiguousRequest = "RO4005"; // server: the id prefix matches several interactions
    public const string PortInUse = "RO4006";       // server: the port cannot be bound
    public const string TooManyRequests = "RO4007"; // server: ingest over HTTP refused for now (rate limit or one at a time)
    public const string RequestTooLong = "RO4008";  // server: the request ran past its time limit
    public const string ServerError = "RO4500";     // server: an unexpected error while answering a request
    public const string StoreUnavailable = "RO5001"; // the database server cannot be reached (retried, then given up)
    public const string BadConnection = "RO5002";   // a --db connection string that cannot be understood
    public const string QueueUnavailable = "RO5101"; // the message broker cannot be reached
    public const string DeadLettered = "RO5102";    // a queued report failed repeatedly and went to the dead-letter queue
    public const string BadMessage = "RO5103";      // a queued message is not a report Readout can read
    public const string Internal = "RO9000";        // an unexpected error while processing one document
}
