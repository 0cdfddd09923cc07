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
