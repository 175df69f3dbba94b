resource "azurerm_storage_account" "legacy" {
  name                     = "examplelegacy"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # NOT OK
  https_traffic_only_enabled = false
  # NOT OK
  min_tls_version          = "TLS1_0"
}
