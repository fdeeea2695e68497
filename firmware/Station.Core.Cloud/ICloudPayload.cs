namespace Station.Core.Cloud
{
    /// <summary>The body of a record (a swap record, a fault): writes its members into the message envelope.</summary>
    public interface ICloudPayload
    {
        /// <summary>Writes name/value members into the open envelope object.</summary>
        void WriteMembers(JsonWriter w);
    }
}
