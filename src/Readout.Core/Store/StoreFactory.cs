namespace Readout.Store;

/// <summary>Opens the store that <c>--db</c> names: a PostgreSQL connection string, or else a SQLite file.</summary>
public static class StoreFactory
{
    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database (<c>postgres://...</c> or <c>Host=...</c>).</summary>
    public static bool IsServer(string db) => PostgresStore.IsConnectionString(db);

    /// <summary>Opens (creating and migrating if needed) the database; <paramref name="retryWindow"/> is how long a server that cannot be reached is waited for.</summary>
    /// <exception cref="Documents.ReadoutException">RO2001, RO5001 or RO5002 when it cannot be opened.</exception>
    public static IReadoutStore Open(string db, TimeSpan? retryWindow = null) =>
        IsServer(db) ? new PostgresStore(db, retryWindow) : new SqliteStore(db);
}
