using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>
/// Headless Chromium from Debian's packages (chromium, chromium-driver), driven through Selenium, with a fresh profile
/// per browser. Screenshots go to test-artifacts/screenshots at the repository root.
/// </summary>
public sealed class Browser : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    private readonly string _profile = Directory.CreateTempSubdirectory("tuyengiao-chromium-").FullName;

    public Browser()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
            throw new InvalidOperationException(
                $"the browser tests need {Chromium} and {ChromeDriver}: apt-get install chromium chromium-driver (ops/test.sh does it when run as root)");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // The flags that keep Chromium from reaching for the network it does not have here, and a window tall
        // enough for a whole contest page in one screenshot.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1800", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public void Open(Uri address) => Driver.Navigate().GoToUrl(address);

    /// <summary>The text of the first element matching <paramref name="css"/>, null when there is none.</summary>
    public string? Text(string css)
    {
        // The page redraws a panel whole when a tally arrives: an element found a moment ago may be gone, so read again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var found = Driver.FindElements(By.CssSelector(css));
                return found.Count > 0 ? found[0].Text : null;
            }
            catch (StaleElementReferenceException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>Waits until <paramref name="css"/> shows <paramref name="expected"/>; says what it showed instead.</summary>
    public async Task WaitForText(string css, string expected, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = Text(css);
            if (last == expected)
                return;
            await Task.Delay(100);
        }
        Screenshot($"failed-{DateTime.UtcNow:HHmmss}");
        throw new Xunit.Sdk.XunitException($"'{css}' showed '{last ?? "(nothing)"}', not '{expected}'");
    }

    /// <summary>Signs in on the login page as a person would, and waits until the page says who is signed in.</summary>
    public async Task SignInAsync(Uri node, string username, string password)
    {
        Open(new Uri(node, "/ui/#/dang-nhap"));
        await WaitFor("#sign-in-form");
        Driver.FindElement(By.Id("username")).Clear();
        Driver.FindElement(By.Id("username")).SendKeys(username);
        Driver.FindElement(By.Id("password")).Clear();
        Driver.FindElement(By.Id("password")).SendKeys(password);
        Driver.FindElement(By.Id("sign-in-submit")).Click();
        await WaitFor("#signed-in-as", text => text.Length > 0);
    }

    /// <summary>Waits until an element matching <paramref name="css"/> is shown (and its text passes <paramref name="test"/>); says what it found instead.</summary>
    public async Task WaitFor(string css, Func<string, bool>? test = null, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = Text(css);
            if (last is not null && (test?.Invoke(last) ?? true))
                return;
            await Task.Delay(100);
        }
        Screenshot($"failed-{DateTime.UtcNow:HHmmss}");
        throw new Xunit.Sdk.XunitException($"'{css}' showed '{last ?? "(nothing)"}' at {Driver.Url}");
    }

    public object? Script(string script, params object[] arguments) => Driver.ExecuteScript(script, arguments);

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(TestDatabase.RepositoryRoot(), "tests", "TuyenGiao.Integration.Tests", "WebUi", "Axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"the accessibility checks need axe-core at {path}: ops/test.sh installs it (npm ci in WebUi/Axe)");
    });

    /// <summary>The serious and critical accessibility violations axe-core finds on the page as it stands, one line each.</summary>
    public IReadOnlyList<string> AccessibilityViolations()
    {
        Script(AxeSource.Value);
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var found = Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)));
            """);
        return ((IEnumerable<object>)found!).Cast<string>().ToList();
    }

    /// <summary>How far the page is wider than the window (0: nothing to scroll sideways).</summary>
    public long HorizontalOverflow() =>
        Convert.ToInt64(Script("return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);"));

    /// <summary>The window's size in CSS pixels, as a phone's (390) or a desktop's (1440).</summary>
    public void Resize(int width, int height = 1800) => Driver.Manage().Window.Size = new System.Drawing.Size(width, height);

    /// <summary>Types into the field with this id, replacing what it held.</summary>
    public void Type(string id, string text)
    {
        Driver.FindElement(By.Id(id)).Clear();
        Driver.FindElement(By.Id(id)).SendKeys(text);
    }

    /// <summary>Chooses the option with this value in the select with this id, as a change by the user.</summary>
    public void Choose(string id, string value) =>
        Script("const s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change'));", id, value);

    public string Screenshot(string name)
    {
        var directory = Path.Combine(TestDatabase.RepositoryRoot(), "test-artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the temporary folder is cleaned by the system.
        }
    }
}
