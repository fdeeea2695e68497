namespace Station.Core
{
    /// <summary>This firmware's version and the commit it was built from, as the build stamped them (one place:
    /// firmware/FirmwareVersion.targets). Semantic versioning (CHANGELOG.md): MAJOR changes when a stored format, the
    /// cloud contract or a console command stops being compatible; MINOR adds; PATCH fixes.</summary>
    public static class FirmwareVersion
    {
        /// <summary>The version (MAJOR.MINOR.PATCH), "unknown" from a build that stamped none.</summary>
        public const string Text = FirmwareBuild.Version;

        /// <summary>The commit built (12 hex digits), or "unknown" (built outside a git checkout).</summary>
        public const string Commit = FirmwareBuild.Commit;

        /// <summary>Version and commit as one word for logs and reports: "0.1.0+3f2a9c1d0b7e".</summary>
        public const string Full = Text + "+" + Commit;
    }
}
