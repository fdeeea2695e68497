namespace Station.Core.Can
{
    /// <summary>A complete pack-protocol message was decoded; <paramref name="message"/> is reused for the next one.</summary>
    public delegate void PackMessageHandler(DecodedMessage message);
}
