resource "google_compute_firewall" "iap" {
  name    = "allow-iap-ssh"
  network = google_compute_network.main.name
  # OK: only Identity-Aware Proxy
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  source_ranges = ["35.235.240.0/20"]
}

resource "google_compute_firewall" "web" {
  name    = "allow-web"
  network = google_compute_network.main.name
  # OK: web ports only
  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
  source_ranges = ["0.0.0.0/0"]
}
