namespace Station.Core
{
    /// <summary>This firmware's version, semantic versioning (MAJOR.MINOR.PATCH, see CHANGELOG.md): MAJOR changes when
    /// a stored format, the cloud contract or a console command stops being compatible; MINOR adds; PATCH fixes.</summary>
    public static class FirmwareVersion
    {
        /// <summary>The version ("0.1.0"); 0.x: never run on hardware yet.</summary>
        public const string Text = "0.1.0";
    }
}
