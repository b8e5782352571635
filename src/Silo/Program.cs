using Microsoft.Extensions.Hosting;
using TuyenGiao.Silo;

// A grain-only node: joins the cluster named in configuration and hosts grains, without HTTP.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddTuyenGiaoSilo(builder.Configuration));
await builder.Build().RunAsync();
