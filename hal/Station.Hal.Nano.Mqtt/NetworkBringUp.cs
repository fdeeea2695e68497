using System.Device.Wifi;
using nanoFramework.Networking;

namespace Station.Hal.Nano.Mqtt
{
    /// <summary>Brings the network up before the MQTT link starts: Wi-Fi (station mode, DHCP) on ESP32, the on-board
    /// Ethernet (DHCP) on the STM32F769I-DISCOVERY. Both wait for a valid date and time (SNTP), because TLS
    /// certificate checks and command expiry need the clock. Start once, then wait as long as it takes: the helpers
    /// keep trying (and, for Wi-Fi, reconnect) on their own.</summary>
    public static class NetworkBringUp
    {
        /// <summary>Starts joining <paramref name="ssid"/> (automatic reconnection); returns at once.</summary>
        public static void StartWifi(string ssid, string password)
        {
            WifiNetworkHelper.SetupNetworkHelper(ssid, password, WifiReconnectionKind.Automatic, true);
        }

        /// <summary>Starts DHCP on the Ethernet interface; returns at once.</summary>
        public static void StartEthernet()
        {
            NetworkHelper.SetupNetworkHelper(true);
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for an address and the clock. False on time-out.</summary>
        public static bool WaitReady(bool wifi, int timeoutMs)
        {
            return wifi ? WifiNetworkHelper.NetworkReady.WaitOne(timeoutMs, false) : NetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }

        /// <summary>Words for the log about why the network is not up yet.</summary>
        public static string Why(bool wifi)
        {
            NetworkHelperStatus status = wifi ? WifiNetworkHelper.Status : NetworkHelper.Status;
            System.Exception e = wifi ? WifiNetworkHelper.HelperException : NetworkHelper.HelperException;
            string text = "status " + ((int)status).ToString();
            if (status == NetworkHelperStatus.FailedNoNetworkInterface) text = "no network interface";
            else if (status == NetworkHelperStatus.TokenExpiredWaitingIPAddress || status == NetworkHelperStatus.Started) text = "no address yet";
            else if (status == NetworkHelperStatus.TokenExpiredWaitingDateTime) text = "no time from SNTP yet";
            else if (status == NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning) text = "Wi-Fi network not joined";
            return e != null ? text + " (" + e.Message + ")" : text;
        }
    }
}
