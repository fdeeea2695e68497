namespace Station.Core.Console
{
    /// <summary>A report the console shows in <c>status</c> but does not own (the cloud link and its outbox), in words.</summary>
    public delegate string ConsoleReportHandler();
}
