namespace Station.Core.Console
{
    /// <summary>Called once for every console command (and the emergency key) for the audit journal and the MQTT
    /// <c>audit</c> topic. <paramref name="command"/> is the line as typed with any PIN replaced by <c>****</c>.</summary>
    public delegate void ConsoleAuditHandler(long atMs, string command, bool accepted, string result);
}
