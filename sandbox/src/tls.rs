//! A fresh CA and server certificate for `--tls`, generated on every start.

use std::path::PathBuf;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::StartError;

/// Server TLS material plus the CA certificate clients must trust.
pub struct TlsMaterial {
    pub server_config: Arc<rustls::ServerConfig>,
    pub ca_pem: String,
    /// Temporary directory holding `ca.pem`; removed at shutdown.
    pub dir: PathBuf,
    pub ca_path: PathBuf,
}

/// Generates a CA and a server certificate for `localhost`, `127.0.0.1` and
/// `::1` signed by it, and writes the CA to a temporary `ca.pem`.
pub fn generate() -> Result<TlsMaterial, StartError> {
    let tls_error = |error: rcgen::Error| StartError::Tls(error.to_string());

    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(tls_error)?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Real Time Finance Sandbox CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().map_err(tls_error)?)
        .map_err(tls_error)?;

    let mut server_params = CertificateParams::new(vec![
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "::1".to_string(),
    ])
    .map_err(tls_error)?;
    server_params
        .distinguished_name
        .push(DnType::CommonName, "localhost");
    let server_key = KeyPair::generate().map_err(tls_error)?;
    let server_cert = server_params
        .signed_by(&server_key, &ca)
        .map_err(tls_error)?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|error| StartError::Tls(error.to_string()))?
        .with_no_client_auth()
        .with_single_cert(
            vec![
                CertificateDer::from(server_cert.der().to_vec()),
                CertificateDer::from(ca.der().to_vec()),
            ],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der())),
        )
        .map_err(|error| StartError::Tls(error.to_string()))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];

    let ca_pem = ca.pem();
    let dir = std::env::temp_dir().join(crate::ids::random_id("rtf-sandbox-", 12));
    std::fs::create_dir_all(&dir).map_err(StartError::Io)?;
    let ca_path = dir.join("ca.pem");
    std::fs::write(&ca_path, &ca_pem).map_err(StartError::Io)?;
    Ok(TlsMaterial {
        server_config: Arc::new(config),
        ca_pem,
        dir,
        ca_path,
    })
}
