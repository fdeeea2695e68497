namespace Station.Core
{
    /// <summary>The stamp of a build that ran no MSBuild targets and found no stamp from an earlier build (see
    /// firmware/FirmwareVersion.targets): version and commit unknown, said plainly rather than guessed.</summary>
    public static class FirmwareBuild
    {
        /// <summary>The firmware version: not stamped by this build.</summary>
        public const string Version = "unknown";
        /// <summary>The commit built: not stamped by this build.</summary>
        public const string Commit = "unknown";
    }
}
