using Station.Hal;

namespace Station.Core.Cloud
{
    /// <summary>The head every message the station sends opens with: schema version, station id, message id, seq, time
    /// and type. One place for it because a consumer de-duplicates and orders by these members: a live message, a death
    /// certificate and a journaled record must spell them alike.</summary>
    internal static class CloudEnvelope
    {
        /// <summary>Resets <paramref name="w"/>, opens the message object and writes its head; the mid is
        /// <paramref name="midPrefix"/> + nonce + number (+ second, unless -1). Returns <paramref name="w"/>.</summary>
        public static JsonWriter Begin(JsonWriter w, CloudLinkConfig config, IClock clock, string type, string midPrefix,
            uint midNonce, long midNumber, long midSecond, long seq)
        {
            w.Reset();
            w.BeginObject();
            w.Member(CloudWords.V, CommandParser.SchemaVersion);
            w.Member(CloudWords.Sid, config.StationId);
            w.Name(CloudWords.Mid); w.MessageId(midPrefix, midNonce, midNumber, midSecond);
            w.Member(CloudWords.Seq, seq);
            w.MemberUtc(CloudWords.Ts, clock.UtcNow);
            w.Member(CloudWords.Type, type);
            return w;
        }
    }
}
