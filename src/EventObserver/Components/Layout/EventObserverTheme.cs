using MudBlazor;

namespace EventObserver.Components.Layout;

public static class EventObserverTheme
{
    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#f08c00",

            // WCAG AA (4.5:1): MudBlazor's white on orange reads at 2.2:1 and its info text (#0c80df) at 3.8:1 on this background.
            SecondaryContrastText = "#1e2433",
            WarningContrastText = "#1e2433",
            Info = "#1971c2",
            AppbarBackground = "#1e2433",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
            TableHover = "#eef1fb",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DrawerWidthLeft = "210px",
        },
    };
}
