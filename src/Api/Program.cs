using TuyenGiao.Api;

await ApiApplication.Build(args).RunAsync();
