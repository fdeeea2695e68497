namespace Station.Device
{
    /// <summary>The folders on a board whose firmware mounts its own SD slot as D:\ (the STM32 discovery boards): every
    /// station file there, and the update images beside them, never over the running image in deployment flash.</summary>
    internal static class CardFolders
    {
        /// <summary>The station's files (configuration, journals, the release key, the cloud outbox).</summary>
        public const string Station = "D:\\station";

        /// <summary>The update images.</summary>
        public const string Images = "D:\\images";
    }
}
